import { describe, expect, it } from 'vitest';
import { prettyJson } from './format-run.js';

describe('prettyJson', () => {
  it('indents without re-reading numbers or strings', () => {
    expect(prettyJson('{"a":5.0,"b":[1,{"c":"x,{y}\\"z"}],"e":{}}')).toBe('{\n  "a": 5.0,\n  "b": [\n    1,\n    {\n      "c": "x,{y}\\"z"\n    }\n  ],\n  "e": {}\n}');
  });
});
