"""Interleaved side-by-side timing of the C8 step: the Java model (StepServer, one JVM) and the PyTorch models of
c8_step.py (e2cnn's C8 network and the plain CNN of the same channels), in alternating short blocks, so that every
ratio compares steps taken within the same few seconds. On a shared machine whose speed drifts by 10-20% from one
minute to the next, two runs one after the other can differ by more than the gap being measured.

  export OMP_NUM_THREADS=2
  mvn -B -q -pl e2-samples -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
  PYTHONPATH=/opt/e2cnn /usr/bin/python3 -W ignore e2-samples/scripts/c8_interleaved.py \
      --oracle ../shared/oracle --classpath "e2-samples/target/classes:$(cat e2-samples/target/cp.txt)" \
      --width 0.25 --batch 64 --threads 2 --java-warmup 150 --torch-warmup 30 --rounds 8 --block 5

The models, the data (torch.rand batch, labels i % 10) and the train step (zero_grad, forward, cross-entropy,
backward, Adam lr 1e-3) are c8_step.py's own (imported from --oracle); the Java side is the C8 model of
BenchmarkNetworks, fit on one random batch with Adam. Procedure per (width, batch): start the JVM, warm it up for
--java-warmup train steps (its JIT needs about 100-150 on 2 cores) and each torch model for --torch-warmup; then
--rounds rounds, each one block of --block train steps per model in turn (Java, e2cnn, plain), then the same for
inference (model.eval(), torch.no_grad()). Printed: per round the block medians and the ratios Java / plain and
Java / e2cnn, then the median over rounds of each ratio, with its range. With --classpath given more than once
(java1, java2, ...: say, main and a change), every JVM is warmed up and timed in turn in each round, and the ratios
java2 / java1 ... come too: an A/B of two builds in the same window; --server-args and --java-env give each JVM
its own StepServer options and environment (two settings of one build), --java-model its own network (C8 against
EXPORTED: the export, with dl4j-onednn-helpers on that class path and JAVA_TOOL_OPTIONS=
-Dorg.eclipse.deeplearning4j.helpers.disable=false in its environment). Every JVM may use all the CPUs this
process could use when it started. --models picks the torch models (default
both). An ordinary torch script; nothing in the repository reads it, and no test runs it: --oracle points at the
team's copy of c8_step.py outside the repository, the reference the issue measures against.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

# The CPUs this process may use before torch's first parallel region: with OMP_PROC_BIND set, OpenMP then pins the
# driver's thread to one CPU, and a JVM started from it would inherit that one CPU.
ALL_CPUS = os.sched_getaffinity(0)


def java_server(args, classpath, model, server_args, java_env, width, batch):
    cmd = ["java", "-cp", classpath, "org.e2dl4j.samples.bench.StepServer", "--model", model,
           "--width", str(width), "--batch", str(batch), "--threads", str(args.threads)] + server_args.split()
    env = dict(os.environ)
    for setting in java_env.split():
        key, sep, value = setting.partition("=")
        if not sep or not key:
            raise SystemExit("--java-env: expected KEY=VALUE settings separated by spaces, got %r" % setting)
        env[key] = value
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1, env=env,
                            preexec_fn=lambda: os.sched_setaffinity(0, ALL_CPUS))
    read_until(proc, "READY")
    return proc


def read_until(proc, prefix):
    for line in proc.stdout:
        if line.startswith(prefix):
            return line.strip()
        if line.startswith("ERROR"):
            raise RuntimeError("StepServer: " + line.strip())
    raise RuntimeError("StepServer ended before answering (exit code %s)" % proc.wait())


def java_steps(proc, kind, n):
    proc.stdin.write("%s %d\n" % (kind, n))
    proc.stdin.flush()
    return [float(t) for t in read_until(proc, "STEPS").split()[2].split(",")]


class TorchModel:
    """One of c8_step.py's models with its optimizer, data and step."""

    def __init__(self, name, model, batch):
        self.name, self.model = name, model
        self.opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        self.x, self.y = torch.rand(batch, 1, 29, 29), torch.arange(batch) % 10

    def steps(self, kind, n):
        times = []
        if kind == "train":
            self.model.train()
            for _ in range(n):
                t = time.perf_counter()
                self.opt.zero_grad()
                F.cross_entropy(self.model(self.x), self.y).backward()
                self.opt.step()
                times.append((time.perf_counter() - t) * 1e3)
        else:
            self.model.eval()
            with torch.no_grad():
                for _ in range(n):
                    t = time.perf_counter()
                    self.model(self.x)
                    times.append((time.perf_counter() - t) * 1e3)
        return times


def summary(label, ratios):
    return "%s median %.3f (range %.3f-%.3f over %d rounds)" % (label, statistics.median(ratios), min(ratios),
                                                                 max(ratios), len(ratios))


def run(args, c8_step, width, batch):
    torch.manual_seed(0)
    models = []
    if "e2cnn" in args.models:
        models.append(TorchModel("e2cnn", c8_step.c8_model(width), batch))
    if "plain" in args.models:
        models.append(TorchModel("plain", c8_step.plain_model(width), batch))
    names = ["java"] if len(args.classpath) == 1 else ["java%d" % (j + 1) for j in range(len(args.classpath))]
    server_args = args.server_args or [""] * len(args.classpath)
    if len(server_args) != len(args.classpath):
        raise SystemExit("--server-args: give it once per --classpath (%d), got %d"
                         % (len(args.classpath), len(server_args)))
    java_env = args.java_env or [""] * len(args.classpath)
    if len(java_env) != len(args.classpath):
        raise SystemExit("--java-env: give it once per --classpath (%d), got %d"
                         % (len(args.classpath), len(java_env)))
    java_models = args.java_model or ["C8"] * len(args.classpath)
    if len(java_models) != len(args.classpath):
        raise SystemExit("--java-model: give it once per --classpath (%d), got %d"
                         % (len(args.classpath), len(java_models)))
    procs = [java_server(args, cp, model, extra, env, width, batch)
             for cp, model, extra, env in zip(args.classpath, java_models, server_args, java_env)]
    try:
        for proc in procs:
            java_steps(proc, "train", args.java_warmup)
        for m in models:
            m.steps("train", args.torch_warmup)
        for kind in ("train", "infer"):
            if kind == "infer":
                for proc in procs:
                    java_steps(proc, "infer", args.block)
                for m in models:
                    m.steps("infer", args.block)
            pairs = [(a, m.name) for a in names for m in models] + [(a, names[0]) for a in names[1:]]
            ratios = {pair: [] for pair in pairs}
            for r in range(args.rounds):
                block = {}
                for name, proc in zip(names, procs):
                    block[name] = statistics.median(java_steps(proc, kind, args.block))
                for m in models:
                    block[m.name] = statistics.median(m.steps(kind, args.block))
                for a, b in pairs:
                    ratios[(a, b)].append(block[a] / block[b])
                print("width %g batch %d %s round %d: " % (width, batch, kind, r)
                      + ", ".join("%s %.1f ms" % (k, v) for k, v in block.items())
                      + "; " + ", ".join("%s/%s %.3f" % (a, b, ratios[(a, b)][-1]) for a, b in pairs), flush=True)
            for a, b in pairs:
                print(summary("width %g batch %d %s: %s / %s" % (width, batch, kind, a, b), ratios[(a, b)]),
                      flush=True)
    finally:
        for proc in procs:
            proc.stdin.write("quit\n")
            proc.stdin.flush()
            proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oracle", required=True, help="folder holding c8_step.py")
    ap.add_argument("--classpath", required=True, action="append",
                    help="class path of e2-samples (its classes and dependencies); given twice or more, each is its "
                         "own JVM, timed in turn (two builds side by side), and ratios to the first are printed too")
    ap.add_argument("--server-args", action="append",
                    help="more StepServer options for the --classpath of the same rank (say '--elementwise-threshold "
                         "1048576'), one per --classpath when given; '' for none")
    ap.add_argument("--java-model", action="append",
                    help="StepServer's network for the --classpath of the same rank (C8, PLAIN or EXPORTED), one per "
                         "--classpath when given (default C8 for all)")
    ap.add_argument("--java-env", action="append",
                    help="environment settings for the JVM of the --classpath of the same rank only, on top of this "
                         "process's (say 'OMP_PROC_BIND=true'), one per --classpath when given; '' for none")
    ap.add_argument("--width", default="0.25", help="comma-separated widths")
    ap.add_argument("--batch", default="64", help="comma-separated batch sizes")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--java-warmup", type=int, default=150)
    ap.add_argument("--torch-warmup", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--block", type=int, default=5)
    ap.add_argument("--models", default="e2cnn,plain", help="torch models: e2cnn, plain or both")
    args = ap.parse_args()
    args.models = args.models.split(",")
    sys.path.insert(0, args.oracle)
    import c8_step
    torch.set_num_threads(args.threads)
    for width in (float(w) for w in args.width.split(",")):
        for batch in (int(b) for b in args.batch.split(",")):
            run(args, c8_step, width, batch)


if __name__ == "__main__":
    main()
