// A node:test reporter for the Wine suites, beside TAP: names each test as it starts. TAP names a
// test only once it ends, so without this a hanging test leaves no trace of which one it was.
export default async function* progress(source) {
  for await (const event of source) {
    if (event.type === 'test:dequeue') yield `# running: ${event.data.name}\n`;
  }
}
