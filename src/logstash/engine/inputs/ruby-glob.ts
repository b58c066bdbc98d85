/**
 * Ruby's Dir.glob (which files a path pattern finds) and File.fnmatch (the file input's
 * `exclude`, matched against the basename: filewatch discoverer.rb:38-49 in
 * logstash-input-file v4.4.6), for deciding whether a file the harness writes is read at all.
 * `*` and `?` never cross `/` nor match a leading dot; `**` followed by `/` spans directories
 * (Dir.glob only); `[...]` and `{a,b}` (Dir.glob only) as in Ruby.
 */
export function dirGlobMatches(pattern: string, path: string): boolean {
  return globRegex(pattern, true).test(path);
}

export function fnmatch(pattern: string, name: string): boolean {
  return globRegex(pattern, false).test(name);
}

const cache = new Map<string, RegExp>();

function globRegex(pattern: string, dirGlob: boolean): RegExp {
  const key = `${dirGlob}:${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let re = '';
  let segmentStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (dirGlob && c === '*' && pattern[i + 1] === '*' && pattern[i + 2] === '/' && segmentStart) {
      re += '(?:[^/.][^/]*/)*';
      i += 2;
      continue;
    }
    if (c === '*') re += segmentStart ? '(?:[^/.][^/]*)?' : '[^/]*';
    else if (c === '?') re += segmentStart ? '[^/.]' : '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (dirGlob && c === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((alt) => globRegex(alt, false).source.slice(1, -1))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    segmentStart = c === '/';
  }
  const regex = new RegExp(`^${re}$`, 's');
  cache.set(key, regex);
  return regex;
}
