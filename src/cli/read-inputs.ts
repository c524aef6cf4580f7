/** Reads the files named on the command line (`-` is standard input). */
import { readFile } from 'node:fs/promises';

export interface InputFile {
  readonly name: string;
  readonly text: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads every input; throws a message naming the file that could not be read. */
export async function readInputs(paths: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ name: '-', text: await readStdin() });
      continue;
    }
    try {
      out.push({ name: path, text: await readFile(path, 'utf8') });
    } catch (err) {
      const code = (err as { code?: string }).code;
      const why =
        code === 'ENOENT'
          ? 'no such file or directory'
          : code === 'EISDIR'
            ? 'is a directory'
            : String(err);
      throw new Error(`${path}: ${why}`, { cause: err });
    }
  }
  return out;
}
