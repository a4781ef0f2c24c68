/** The console shows the roadmap as a PNG file whose path it prints after the text answer. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { saveImage } from '../../src/bots/console/image';
import { runConsole } from '../../src/bots/console/repl';
import { createMentor } from '../../src/core/mentor';
import { createState } from '../../src/storage/createState';
import { runCli } from '../helpers/cli';
import { tempSqlite, type TempSqlite } from '../helpers/tempStore';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir: string;
let db: TempSqlite;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mentor-images-'));
  db = tempSqlite();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  db.cleanup();
});

test('`mentor path` prints the text, then the path of the PNG it wrote', async () => {
  const result = await runCli(['path', '--user', 'alice/../x'], { STORE_URL: db.url, MENTOR_IMAGE_DIR: dir });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('== Your path to ML engineer ==');
  const file = /Picture of your roadmap: (.+\.png)\n/.exec(result.stdout)?.[1];
  // The user id cannot steer the file elsewhere: it lands in the folder, under a safe name.
  expect(file).toBe(path.join(dir, 'roadmap-alice_.._x.png'));
  expect(readFileSync(file!).subarray(0, 8)).toEqual(PNG_SIGNATURE);
});

test('other answers write no picture', async () => {
  const result = await runCli(['next', '--user', 'bob'], { STORE_URL: db.url, MENTOR_IMAGE_DIR: dir });
  expect(result.stdout).not.toContain('Picture of your roadmap');
});

test('the interactive console prints the picture path too; a failure to save keeps the text', async () => {
  const mentor = createMentor({ store: createState('memory') });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const previous = process.env.MENTOR_IMAGE_DIR;
  process.env.MENTOR_IMAGE_DIR = dir;
  try {
    input.end('/path\n');
    await runConsole({ mentor, userId: 'carol', input, output });
  } finally {
    if (previous === undefined) delete process.env.MENTOR_IMAGE_DIR;
    else process.env.MENTOR_IMAGE_DIR = previous;
  }
  expect(printed).toContain(`Picture of your roadmap: ${path.join(dir, 'roadmap-carol.png')}`);

  // A file where the folder should be: the picture cannot be saved, the answer says so and nothing throws.
  const blocked = path.join(dir, 'not-a-folder');
  writeFileSync(blocked, '');
  const reply = await mentor.handle({ kind: 'command', userId: 'carol', command: 'path', text: '' });
  expect(await saveImage(reply, 'carol', blocked)).toMatch(/^\(The roadmap picture could not be saved: /);
});
