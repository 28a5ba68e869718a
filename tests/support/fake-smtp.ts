import net from "node:net";

/** A minimal SMTP server on a free port that records each message's envelope and data. */
export async function fakeSmtp(): Promise<{ port: number; mails: string[]; close: () => void }> {
  // why: a real relay is an outside service; this speaks just enough SMTP for nodemailer to deliver.
  const mails: string[] = [];
  const server = net.createServer((socket) => {
    let pending = "";
    let transcript = "";
    let inData = false;
    const answer = (line: string) => {
      transcript += line + "\n";
      if (inData) {
        if (line !== ".") return;
        inData = false;
        mails.push(transcript);
        transcript = "";
        socket.write("250 queued\r\n");
      } else if (/^DATA/i.test(line)) {
        inData = true;
        socket.write("354 go on\r\n");
      } else if (/^QUIT/i.test(line)) {
        socket.end("221 bye\r\n");
      } else {
        socket.write("250 ok\r\n");
      }
    };
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      const lines = (pending + chunk.toString("utf8")).split("\r\n");
      pending = lines.pop() ?? "";
      lines.forEach(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, mails, close: () => server.close() };
}
