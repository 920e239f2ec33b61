#!/usr/bin/env python3
"""Runs JobScope over a folder of JSONL postings on Apache Spark: each partition is piped through
`jobscope stream` (RDD.pipe), and the result lines are written as Spark text output (part-NNNNN files).

The results are the records `jobscope analyze --output FILE.jsonl` writes, one per input line and in input
order within each partition (a line that gives no posting gives {"error": ..., "line": N}); merge and report
them with `jobscope report --from OUTPUT_DIR`.

    spark-submit integrations/spark/jobscope_spark.py postings/ results/ \
        --jobscope /path/to/jobscope --models /path/to/Models

On a cluster, ship the executable and the models with the job (`--files`, `--archives`) and give their
names on the executors; in local mode the paths on this machine serve.
"""

import argparse
import os
import shlex
import sys
import time

from pyspark.sql import SparkSession


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="folder (or file, or glob) of JSONL postings, one object a line")
    parser.add_argument("output", help="folder to write the result lines to (must not exist)")
    parser.add_argument("--jobscope", default="jobscope", help="the jobscope executable (default: on PATH)")
    parser.add_argument("--models", help="models folder (taxonomy.yaml, role-model.json) for jobscope")
    parser.add_argument("--partitions", type=int, default=0,
                        help="at least this many input partitions (default: Spark's default parallelism)")
    parser.add_argument("--threads-per-task", type=int, default=1,
                        help="threads each jobscope process uses (Spark already runs one task per core)")
    parser.add_argument("--master", default=None, help="Spark master when not set by spark-submit, e.g. local[2]")
    return parser.parse_args(argv)


def stream_command(args):
    """The command each partition is piped through, as a list (RDD.pipe runs it without a shell)."""
    command = [args.jobscope, "stream", "--jobs", str(args.threads_per_task), "--source-name", "spark"]
    if args.models:
        command += ["--models", args.models]
    return command


def input_paths(context, path):
    """The input as Spark should read it: a folder's files in name order (Hadoop lists a folder in no set
    order, and the results' order follows the input's), hidden and `_` files left out; else `path` itself."""
    jvm = context._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(context._jsc.hadoopConfiguration())
    if not fs.exists(hadoop_path) or not fs.getFileStatus(hadoop_path).isDirectory():
        return path
    names = sorted(str(status.getPath()) for status in fs.listStatus(hadoop_path)
                   if status.isFile() and not status.getPath().getName().startswith((".", "_")))
    if not names:
        raise SystemExit(f"jobscope_spark: {path} holds no files")
    return ",".join(names)


def run(args):
    builder = SparkSession.builder.appName("jobscope")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    started = time.monotonic()
    partitions = args.partitions or context.defaultParallelism
    lines = context.textFile(input_paths(context, args.input), minPartitions=partitions)
    # checkCode: a jobscope that could not start (no models) fails the task instead of yielding nothing.
    results = lines.pipe(shlex.join(stream_command(args)), checkCode=True)
    results.saveAsTextFile(args.output)
    elapsed = time.monotonic() - started
    count = context.textFile(args.output).count()
    print(f"jobscope_spark: {count} result lines from {lines.getNumPartitions()} partitions "
          f"in {elapsed:.1f} s ({count / elapsed:.0f} lines/s) into {args.output}", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(run(parse_arguments(sys.argv[1:])))
