"""`kg synth`: a synthetic corpus in the format of data/ (kg.synth)."""

from __future__ import annotations

from kg.cli import output
from kg.cli.arguments import (
    check_not_working_folder,
    check_output,
    check_replaceable,
    path,
    whole,
)

# What `kg synth` writes, and nothing else.
SYNTH_FOLDERS = {"sources", "documents", "reference"}


def declare_synth(commands) -> None:
    """`kg synth` and its arguments."""
    synth = commands.add_parser("synth", help="write a synthetic corpus in the format of data/")
    synth.add_argument("--documents", type=whole(1), required=True, help="how many documents")
    synth.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    synth.add_argument("--out", type=path, required=True, help="folder to write (replaced)")


def run_synth(args) -> int:
    from kg.synth import synthesize

    check_output(args.out, "--out", folder=True)
    check_not_working_folder(args.out, "--out")
    check_replaceable(
        args.out,
        "--out",
        "a corpus `kg synth` wrote",
        lambda folder: {p.name for p in folder.iterdir()} <= SYNTH_FOLDERS,
    )
    with output.err.status(f"writing {args.documents} documents"):
        synthesize(args.documents, args.seed, args.out)
    output.out.print(
        f"{args.documents} documents in {args.out}/ (seed {args.seed})", highlight=False
    )
    return 0
