#!/usr/bin/env python3
"""Where a JFR recording's CPU samples are: top self frames, and inclusive time by project/library frame.

Usage: bench/jfr-top.py /tmp/scan.jfr [top-n]
Reads `jfr print --json --events jdk.ExecutionSample` (the JDK's own jfr tool)."""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
focus = sys.argv[3] if len(sys.argv) > 3 else None  # optional: a frame whose callers to show
raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)["recording"]["events"]
callers = collections.Counter()
self_frames, inclusive, ours, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
def name(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    threads[e["values"]["sampledThread"]["javaName"].rstrip("0123456789-")] += 1
    self_frames[name(frames[0])] += 1
    seen = set()
    for f in frames:
        n = name(f)
        if n not in seen:
            seen.add(n)
            inclusive[n] += 1
    if focus and any(name(f).endswith(focus) for f in frames):
        callers[" < ".join(name(f) for f in frames[:12] if True)] += 1
    mine = next((name(f) for f in frames if name(f).startswith("cn.gov.shanwei")), None)
    ours[mine or "(no project frame)"] += 1
total = sum(self_frames.values())
print(f"{total} execution samples")
def show(title, counter, n):
    print(f"\n{title}")
    for k, v in counter.most_common(n):
        print(f"{100.0 * v / total:6.1f} %  {v:6d}  {k}")
show("threads (name without trailing digits)", threads, 10)
show("top self frames", self_frames, top)
show("top inclusive frames", inclusive, top * 2)
show("innermost project frame", ours, top)
if focus:
    show(f"stacks through {focus}", callers, 8)
