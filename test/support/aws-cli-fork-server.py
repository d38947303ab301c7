"""A fork server for the AWS CLI (v1), for the test run only.

The lab scripts and the walkthrough's terminal commands call `aws` dozens of times, and AWS CLI v1 spends about half a
second of CPU importing itself before each call does anything. This server imports the CLI once; each call then forks
a child that runs the CLI's own `main()` with the caller's arguments, environment, working directory and standard
streams (passed over the socket as file descriptors), and answers with its exit code. The CLI code that runs is the
installed one, unchanged: only the import is shared.

    python aws-cli-fork-server.py SOCKET_PATH SHIM_DIR

writes SHIM_DIR/aws (a small client for the same interpreter) and serves until killed. Run it with the interpreter
of the `aws` it stands in for.
"""

import fcntl
import json
import os
import signal
import socket
import struct
import sys

HEADER = struct.Struct("!I")
MAX_FDS = 250  # what one SCM_RIGHTS message carries on Linux (253), rounded down
HIGH_FD = 1000  # where received descriptors wait before they go to the caller's numbers

CLIENT = """#!{python} -S
# Written by the test run's AWS CLI fork server: runs `aws` through it (see test/support/aws-cli-fork-server.py).
import json, os, socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect({socket!r})
# Every open descriptor goes along, so `fileb://<(...)` (a /dev/fd path of this process) works too.
fds = []
for name in os.listdir("/proc/self/fd"):
    fd = int(name)
    try:
        if fd != s.fileno():
            os.fstat(fd)
            fds.append(fd)
    except OSError:
        pass
body = json.dumps({{"argv": sys.argv[1:], "env": dict(os.environ), "cwd": os.getcwd(), "fds": fds}}).encode()
socket.send_fds(s, [struct.pack("!I", len(body))], fds)
s.sendall(body)
answer = b""
while len(answer) < 4:
    chunk = s.recv(4 - len(answer))
    if not chunk:
        sys.exit(255)
    answer += chunk
sys.exit(struct.unpack("!i", answer)[0])
"""


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError("client went away")
        data += chunk
    return data


def serve_one(conn):
    """In the forked child: become the caller's `aws` process, run the CLI, answer with its exit code."""
    head, fds, _, _ = socket.recv_fds(conn, HEADER.size, MAX_FDS)
    if len(head) < HEADER.size:
        head += recv_exact(conn, HEADER.size - len(head))
    request = json.loads(recv_exact(conn, HEADER.unpack(head)[0]))
    # Put each descriptor at the caller's number: first everything out of the way, then into place.
    conn = socket.socket(fileno=fcntl.fcntl(conn.detach(), fcntl.F_DUPFD, HIGH_FD))
    parked = []
    for fd in fds:
        parked.append(fcntl.fcntl(fd, fcntl.F_DUPFD, HIGH_FD))
        os.close(fd)
    for target, fd in zip(request["fds"], parked):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # What importing `awscli` does to the environment (done once, in the server, with the server's environment).
    data_path = [os.path.expanduser(os.path.expandvars(p)) for p in os.environ.get("AWS_DATA_PATH", "").split(os.pathsep) if p]
    os.environ["AWS_DATA_PATH"] = os.pathsep.join([*data_path, os.path.join(os.path.dirname(awscli.__file__), "data")])
    # What the `aws` entry script does before it imports the CLI.
    if os.environ.get("LC_CTYPE", "") == "UTF-8":
        os.environ["LC_CTYPE"] = "en_US.UTF-8"
    sys.argv = ["aws", *request["argv"]]
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        code = awscli.clidriver.main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:  # what an uncaught exception does to a real `aws` process
        import traceback

        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    try:
        conn.sendall(struct.pack("!i", code or 0))
    finally:
        os._exit(0)


def main():
    path, shim_dir = sys.argv[1], sys.argv[2]
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    if os.path.exists(path):
        os.unlink(path)
    server.bind(path)
    server.listen(64)
    os.makedirs(shim_dir, exist_ok=True)
    shim = os.path.join(shim_dir, "aws")
    with open(shim, "w") as f:
        f.write(CLIENT.format(python=sys.executable, socket=path))
    os.chmod(shim, 0o755)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    print("ready", flush=True)
    while True:
        conn, _ = server.accept()
        if os.fork() == 0:
            server.close()
            serve_one(conn)
        conn.close()


if __name__ == "__main__":
    import awscli
    import awscli.clidriver  # the expensive part, once
    import awscli.handlers  # noqa: F401  (every command's customisations, imported when a driver is made)

    main()
