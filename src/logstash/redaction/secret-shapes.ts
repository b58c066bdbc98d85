import fc from 'fast-check';

/**
 * Secrets as they show up in log text, for the property-based redaction test: each is the
 * TEXT to plant and its CORES, the parts that must appear nowhere after redaction. A class
 * and a form name where it came from, so a leak is named compactly.
 */
export interface Secret {
  kind: string;
  form: string;
  text: string;
  cores: string[];
  /** The secret, planted as a JSON number (cards). */
  number?: bigint;
}

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (alphabet: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
// A value with a digit and a letter, so that it is unique in the event and looks like a secret.
const secretValue = (alphabet: string) => fc.tuple(chars(alnum, 4, 8), chars(alphabet, 4, 16), fc.integer({ min: 10, max: 99 })).map(([a, b, n]) => `${a}${n}${b}`);
const plainValue = secretValue(`${alnum}._~+/-`);
const quotedValue = secretValue(`${alnum}._~+/-!*#$^ `).map((v) => v.trim());

export const secretKeys = [
  'password',
  'db_password',
  'passwd',
  'pwd',
  'passphrase',
  'userPassword',
  'PASSWORD',
  'client_secret',
  'api_key',
  'apiKey',
  'X-Api-Key',
  'access_token',
  'refreshToken',
  'auth_token',
  'session_id',
  'secret',
  'private_key',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
  'X-Amz-Credential',
  'credentials',
  'pin',
  'otp',
  'jwt',
  'aws_secret_access_key',
  'sig',
];

/** key and value in every quoting the script promises (redact.rb header). */
const keyValueForms: Record<string, (k: string, v: string) => string> = {
  'k=v': (k, v) => `${k}=${v}`,
  'k: v': (k, v) => `${k}: ${v}`,
  'k = v': (k, v) => `${k} = ${v}`,
  '"k":"v"': (k, v) => `"${k}":"${v}"`,
  '"k": "v"': (k, v) => `"${k}": "${v}"`,
  "'k': 'v'": (k, v) => `'${k}': '${v}'`,
  '\\"k\\":\\"v\\"': (k, v) => `\\"${k}\\":\\"${v}\\"`,
  'k=`v`': (k, v) => `${k}=\`${v}\``,
  'k%3Dv': (k, v) => `${k}%3D${encodeURIComponent(v)}`,
  '%22k%22%3A%22v%22': (k, v) => `%22${k}%22%3A%22${encodeURIComponent(v)}%22`,
  '"k"=>"v"': (k, v) => `"${k}"=>"${v}"`,
  "k = 'v' (SQL)": (k, v) => `SET ${k} = '${v}' WHERE id = 3`,
  '?k=v&': (k, v) => `GET /x?a=1&${k}=${encodeURIComponent(v)}&b=2`,
  '--k v': (k, v) => `--${k.toLowerCase()} ${v}`,
};
const quoted = new Set(['"k":"v"', '"k": "v"', "'k': 'v'", '\\"k\\":\\"v\\"', 'k=`v`', '"k"=>"v"', "k = 'v' (SQL)"]);

const keyValue = fc.tuple(fc.constantFrom(...secretKeys), fc.constantFrom(...Object.keys(keyValueForms)), plainValue, quotedValue).map(([key, form, plain, spaced]): Secret => {
  const value = quoted.has(form) ? spaced : plain;
  const text = keyValueForms[form]!(key, value);
  // Percent-encoded forms carry the value encoded: that is what must not survive.
  const encoded = form.includes('%') || form.startsWith('?') ? encodeURIComponent(value) : value;
  return { kind: 'key=value', form: `${form} (${key})`, text, cores: [encoded] };
});

const b64url = `${alnum}-_`;
const header = fc.oneof(
  fc
    .tuple(fc.constantFrom('Authorization: Bearer ', 'authorization=Bearer ', '"Authorization":"Bearer ', 'Proxy-Authorization: Basic ', '\\"authorization\\":\\"Bearer '), secretValue(b64url))
    .map(([h, v]): Secret => ({ kind: 'authorization', form: h.trim(), text: `${h}${v}${h.includes('"') ? (h.startsWith('\\') ? '\\"' : '"') : ''}`, cores: [v] })),
  fc
    .tuple(fc.constantFrom('Cookie: sid=', 'Set-Cookie: session=', '"cookie":"sid='), secretValue(alnum))
    .map(([h, v]): Secret => ({ kind: 'cookie', form: h, text: `${h}${v}; theme=dark${h.includes('"') ? '"' : ''}`, cores: [v] })),
  secretValue(b64url).map((v): Secret => ({ kind: 'bearer', form: 'prose Bearer', text: `sent Bearer ${v}`, cores: [v] })),
);
const urlCredentials = fc
  .tuple(
    fc.constantFrom('mysql', 'https', 'redis', 'amqp', 'postgres'),
    chars('abcdefghij', 3, 8),
    plainValue.map((v) => v.replace(/[/+]/g, 'x')),
  )
  .map(([scheme, user, pw]): Secret => ({ kind: 'url credentials', form: scheme, text: `${scheme}://${user}:${pw}@db.internal:5432/school`, cores: [pw] }));
const jwt = fc
  .tuple(chars(b64url, 10, 40), chars(b64url, 16, 43))
  .map(([payload, sig]): Secret => ({ kind: 'jwt', form: 'jwt', text: `eyJhbGciOiJIUzI1NiJ9.eyJ${payload}.${sig}`, cores: [`eyJ${payload}`, sig] }));
const pem = fc.tuple(fc.constantFrom('RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED ', ''), fc.array(chars(`${alnum}+/`, 24, 64), { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\\n', '\r\n')).map(
  ([type, lines, nl]): Secret => ({
    kind: 'private key',
    form: `PEM ${type}${JSON.stringify(nl)}`,
    text: [`-----BEGIN ${type}PRIVATE KEY-----`, ...lines, `-----END ${type}PRIVATE KEY-----`].join(nl),
    cores: lines,
  }),
);
const tokenShape = fc.oneof(
  chars(alnum, 36, 36).map((t): Secret => ({ kind: 'github', form: 'ghp_', text: `ghp_${t}`, cores: [t] })),
  chars(`${alnum}_`, 82, 82).map((t): Secret => ({ kind: 'github', form: 'github_pat_', text: `github_pat_${t}`, cores: [t] })),
  fc.tuple(chars('0123456789', 10, 13), chars(alnum, 24, 24)).map(([n, t]): Secret => ({ kind: 'slack', form: 'xoxb-', text: `xoxb-${n}-${t}`, cores: [t] })),
  fc.tuple(fc.constantFrom('sk_live_', 'rk_live_', 'sk_test_'), chars(alnum, 24, 32)).map(([p, t]): Secret => ({ kind: 'stripe', form: p, text: `${p}${t}`, cores: [t] })),
  chars(b64url, 35, 35).map((t): Secret => ({ kind: 'google api key', form: 'AIza', text: `AIza${t}`, cores: [t] })),
  fc
    .tuple(chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 16), chars(`${alnum}/+`, 40, 40), fc.constantFrom(' ', ':', ', ', '="', '|'))
    .map(([id, secret, sep]): Secret => ({ kind: 'aws key pair', form: `AKIA${JSON.stringify(sep)}`, text: `AKIA${id}${sep}${secret}`, cores: [id, secret] })),
  chars('0123456789abcdef', 64, 64).map(
    (sig): Secret => ({
      kind: 'sigv4',
      form: 'X-Amz-Signature',
      text: `https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261126T100000Z&X-Amz-Signature=${sig}`,
      cores: [sig],
    }),
  ),
);
const email = fc
  .tuple(chars('abcdefghijklmnop.', 3, 12), chars('abcdefghij', 3, 10), fc.constantFrom('org', 'com', 'fr', 'school'))
  .map(([l, d, tld]): Secret => ({ kind: 'email', form: 'email', text: `${l.replace(/^\.|\.$/g, 'x')}q@${d}.${tld}`, cores: [`${l.replace(/^\.|\.$/g, 'x')}q@${d}.${tld}`] }));

export { keyValue, header, urlCredentials, jwt, pem, tokenShape, email };
