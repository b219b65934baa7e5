#!/usr/bin/env python3
# An idle SoupServer that stops accepting after a load run, tried against a platzd binary (docs/security.md):
# RLIMIT_NOFILE 256, 400 clients send a request head and give up; then:
# does it answer, how many fds does it hold, how many CLOSE-WAIT sockets.
# Usage: tests/fd-storm.py BUILD/server/platzd
import os, re, socket, subprocess, sys, tempfile, time
binary = sys.argv[1]
d = tempfile.mkdtemp()
env = dict(os.environ, PLATZ_BOOTSTRAP_PASSWORD="secret-admin-pw", PLATZD_HEADER_TIMEOUT_SECONDS="3")
p = subprocess.Popen([binary, "--db", d + "/a.db", "--listen", "127.0.0.1:0", "--bootstrap-admin", "admin"],
                     stdout=subprocess.PIPE, stderr=open(d + "/log", "w"), env=env, text=True)
port = int(re.search(r":(\d+)/", p.stdout.readline()).group(1))
subprocess.run(["prlimit", "--pid", str(p.pid), "--nofile=256:256"], check=True)
fds = lambda: len(os.listdir(f"/proc/{p.pid}/fd"))
idle = fds()
socks = []
for i in range(400):
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"GET /healthz HTTP/1.1\r\n"); socks.append(s)
time.sleep(1.5)
peak = fds()
for s in socks: s.close()
time.sleep(5)
def healthz():
    s = socket.create_connection(("127.0.0.1", port)); s.settimeout(3)
    t = time.time(); s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    try:
        r = s.recv(100); return "%s in %.0f ms" % (r.split(b"\r\n")[0].decode(), (time.time()-t)*1000)
    except socket.timeout: return "no answer in 3 s"
h = healthz()
cw = subprocess.run(["ss", "-tanH", "state", "close-wait", f"( sport = :{port} )"], capture_output=True, text=True).stdout.count("\n")
print(f"{os.path.basename(os.path.dirname(os.path.dirname(binary)))}: idle {idle} fds, peak {peak} fds, 5 s after the clients left: {fds()} fds, {cw} CLOSE-WAIT; healthz: {h}")
log = open(d + "/log").read()
print("  log lines not per-request:", [l for l in log.splitlines() if not l.startswith("ts=")][:4])
p.terminate(); p.wait()
