import { inertUrls, withInertLinks } from '../../src/bots/common/inertLinks';
import { reply } from '../../src/core/reply';

test('URL-like text is defanged: scheme colon and host dots bracketed, the path kept', () => {
  expect(inertUrls('I don\'t know the topic "https://evil.example/a.b?c=d".')).toBe('I don\'t know the topic "https[:]//evil[.]example/a.b?c=d".');
  expect(inertUrls('HTTP://Evil.Example and ftp://files.evil.example')).toBe('HTTP[:]//Evil[.]Example and ftp[:]//files[.]evil[.]example');
  expect(inertUrls('see www.evil.example/x')).toBe('see www[.]evil[.]example/x');
  expect(inertUrls('profilewww.evil.example')).toBe('profilewww[.]evil[.]example');
  expect(inertUrls('[a](https://x.example)[b](https://y.example:8080/p)')).toBe('[a](https[:]//x[.]example)[b](https[:]//y[.]example:8080/p)');
  expect(inertUrls('user:pass@https://a.b')).toBe('user:pass@https[:]//a[.]b');
});

test('text without URLs is unchanged, including dotted words', () => {
  for (const text of ['what is AutoML?', 'Node.js, e.g. scikit-learn', 'ratio 3:1 // comment', '']) expect(inertUrls(text)).toBe(text);
});

test('links blocks stay live; every other shown string is made inert; button values travel unchanged', () => {
  const answer = reply([
    { type: 'heading', text: 'https://h.example' },
    { type: 'text', text: 'goal: https://t.example' },
    { type: 'bullets', items: ['www.b.example'] },
    { type: 'fields', fields: [{ label: 'https://l.example', value: 'https://v.example' }] },
    { type: 'links', links: [{ title: 'Docs', url: 'https://docs.example/x' }] },
    { type: 'buttons', buttons: [{ label: 'https://x.example', actionId: 'done', value: 'https://x.example' }] },
  ]);
  const inert = withInertLinks(answer);
  const shown = JSON.stringify({ ...inert, blocks: inert.blocks.filter((b) => b.type !== 'links' && b.type !== 'buttons') });
  expect(shown).not.toMatch(/:\/\/|www\./);
  expect(inert.blocks[4]).toEqual(answer.blocks[4]);
  expect(inert.blocks[5]).toEqual({ type: 'buttons', buttons: [{ label: 'https[:]//x[.]example', actionId: 'done', value: 'https://x.example' }] });
});
