# smtp_sink.py: a local SMTP server for the tests (aiosmtpd): each message received is
# written to DIR (numbered on across restarts) as NNN.eml (the raw bytes) and NNN.json (envelope, decoded subject and
# plain-text body, as Python's email parser reads them). Usage: smtp_sink.py HOST PORT DIR
import email
import email.policy
import itertools
import json
import os
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, outdir):
        self.outdir = outdir
        # a restarted sink goes on numbering after the messages already there
        done = [f for f in os.listdir(outdir) if f.endswith(".json")]
        self.seq = itertools.count(len(done) + 1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.seq)
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        info = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(msg["subject"]),
            "message_id": str(msg["message-id"]),
            "date": str(msg["date"]),
            "text": text.get_content() if text else "",
            "html": html.get_content() if html else "",
        }
        base = os.path.join(self.outdir, "%03d" % n)
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        with open(base + ".tmp", "w", encoding="utf-8") as f:
            json.dump(info, f, ensure_ascii=False)
        os.rename(base + ".tmp", base + ".json")
        return "250 OK"


def main():
    host, port, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ctl = Controller(Sink(outdir), hostname=host, port=port, decode_data=False)
    ctl.start()
    try:
        threading.Event().wait()   # until SIGTERM or SIGINT ends the process
    finally:
        ctl.stop()


if __name__ == "__main__":
    main()
