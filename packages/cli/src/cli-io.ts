/** Where a command writes: injected so that tests run commands in-process and read what they printed. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The process's own standard output and error. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
