"""Starts a Jupyter kernel many times in a row, under load, and checks that each start answers.

Each start does what the Jupyter Notebook server does: start the kernel, connect, send ONE
kernel_info_request right away and wait for its reply. A start passes when the reply arrives within
--timeout seconds. Meanwhile --load busy-loop processes keep the cores busy (the start-up races of
rapaio-jupyter-kernel 3.0.1 show up far more often then); they are always killed at the end.

The kernel's output goes to --dump-dir/start-NNN.log, kept only for the starts that failed; a
kernel that is alive but did not answer has its threads dumped with jstack (from the kernelspec's
JDK) into --dump-dir/hung-start-NNN.jstack.txt before it is shut down. Prints one line per start, a latency summary (min/median/max
over the starts that passed) and "N passed, M failed"; exits 1 when any start failed.

Run through environment/kernel-start-test, which picks the Python that has jupyter_client.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

# Spins until its parent (this script) is gone, so a killed test leaves no busy loop behind.
BUSY_LOOP = """
import os
parent = os.getppid()
while os.getppid() == parent:
    for _ in range(1000000):
        pass
"""


def start_load(n):
    procs = []
    for _ in range(n):
        procs.append(subprocess.Popen([sys.executable, "-c", BUSY_LOOP],
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
    return procs


def stop_load(procs):
    for p in procs:
        if p.poll() is None:
            p.kill()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


def jstack_for(kernel_name):
    """The jstack next to the java that the kernelspec runs, else the one on PATH."""
    try:
        java = KernelSpecManager().get_kernel_spec(kernel_name).argv[0]
        candidate = os.path.join(os.path.dirname(os.path.realpath(java)), "jstack")
        if os.access(candidate, os.X_OK):
            return candidate
    except Exception:
        pass
    return shutil.which("jstack")


def kernel_pid(km):
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None) if provisioner is not None else None
    if process is None:
        process = getattr(km, "kernel", None)
    return getattr(process, "pid", None)


def dump_threads(jstack, pid, path):
    if not jstack or not pid:
        return None
    try:
        out = subprocess.run([jstack, str(pid)], capture_output=True, text=True, timeout=30)
        with open(path, "w") as f:
            f.write(out.stdout)
            f.write(out.stderr)
        return path
    except Exception as e:  # a dump is evidence, not the test: report and go on
        print(f"  (jstack failed: {e})", flush=True)
        return None


def loop_threads(dump_path):
    """Names of the kernel's channel loop threads in a thread dump ('Shell-0', 'Heartbeat-0', ...)."""
    names = []
    with open(dump_path) as f:
        for line in f:
            if line.startswith('"'):
                name = line[1:line.index('"', 1)]
                if name.split("-")[0] in ("Shell", "Control", "Heartbeat") and name.split("-")[-1].isdigit():
                    names.append(name)
    return sorted(names)


def one_start(kernel_name, timeout, jstack, dump_dir, index):
    """Returns (passed, seconds to the kernel_info_reply or None, note)."""
    km = KernelManager(kernel_name=kernel_name)
    log_path = os.path.join(dump_dir, f"start-{index:03d}.log")
    log = open(log_path, "w")
    t0 = time.monotonic()
    km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
    kc = km.client()
    kc.start_channels()
    note = ""
    latency = None
    try:
        msg_id = kc.kernel_info()  # sent once, as the Notebook server does
        deadline = t0 + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                reply = kc.get_shell_msg(timeout=remaining)
            except Exception:  # queue.Empty: no reply in time
                break
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                latency = time.monotonic() - t0
                break
        if latency is None:
            if not km.is_alive():
                note = "kernel died"
            else:
                note = "no kernel_info_reply"
                path = dump_threads(jstack, kernel_pid(km),
                                    os.path.join(dump_dir, f"hung-start-{index:03d}.jstack.txt"))
                if path:
                    note += f"; loop threads {loop_threads(path)}; dump {path}"
            note += f"; kernel log {log_path}"
    finally:
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=True)
        except Exception as e:
            print(f"  (shutdown failed: {e})", flush=True)
        log.close()
        if latency is not None:
            os.remove(log_path)
    return latency is not None, latency, note


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kernel", default="trainkit")
    parser.add_argument("--starts", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per start for the reply")
    parser.add_argument("--load", type=int, default=os.cpu_count() or 2, help="busy-loop processes")
    parser.add_argument("--dump-dir", default=os.environ.get("TMPDIR", "/tmp"))
    parser.add_argument("--keep-going", action="store_true",
                        help="exit 0 even when starts failed (to measure a broken kernel)")
    args = parser.parse_args()

    if args.kernel not in KernelSpecManager().find_kernel_specs():
        print(f"[kernel-start] kernelspec '{args.kernel}' not found (run environment/setup)", flush=True)
        return 2
    os.makedirs(args.dump_dir, exist_ok=True)
    jstack = jstack_for(args.kernel)

    load = start_load(args.load)

    def on_signal(signum, _frame):
        stop_load(load)
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    print(f"[kernel-start] {args.starts} starts of kernel '{args.kernel}', one kernel_info_request each, "
          f"{args.timeout:g} s to answer, {len(load)} busy-loop processes", flush=True)
    latencies, failures = [], []
    t_all = time.monotonic()
    try:
        for i in range(1, args.starts + 1):
            passed, latency, note = one_start(args.kernel, args.timeout, jstack, args.dump_dir, i)
            if passed:
                latencies.append(latency)
                print(f"[kernel-start] {i:3d} ok     {latency:6.2f} s", flush=True)
            else:
                failures.append(i)
                print(f"[kernel-start] {i:3d} FAILED {note}", flush=True)
    finally:
        stop_load(load)
    if latencies:
        print(f"[kernel-start] latency to kernel_info_reply: min {min(latencies):.2f} s, "
              f"median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s", flush=True)
    print(f"[kernel-start] {len(latencies)} passed, {len(failures)} failed"
          + (f" (starts {failures})" if failures else "")
          + f" in {time.monotonic() - t_all:.0f} s", flush=True)
    return 0 if not failures or args.keep_going else 1


if __name__ == "__main__":
    sys.exit(main())
