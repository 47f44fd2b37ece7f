"""The baseline of MergeBenchmark: a straightforward numpy merge of safetensors files through
np.memmap, tensor by tensor, writing one safetensors file. Linear (weights 1, normalised) over all
inputs, or TIES (first file the base, density 0.5, weights 1, normalised as in REFERENCES.md
section 4). F32 or BF16 inputs (BF16 widened to float32 by shifting, the output rounded to
nearest even). Prints its own time (from after numpy's import to the output in place) and the
input throughput on stderr. A benchmark script, not a test.

usage: python3 merge_numpy_baseline.py linear|ties OUT.safetensors IN.safetensors...
"""
import json
import os
import struct
import sys
import time

import numpy as np


def open_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    header.pop("__metadata__", None)
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    return header, data


def tensor(header, data, name):
    entry = header[name]
    begin, end = entry["data_offsets"]
    raw = data[begin:end]
    if entry["dtype"] == "F32":
        return raw.view("<f4").reshape(entry["shape"])
    if entry["dtype"] == "BF16":
        return (raw.view("<u2").astype(np.uint32) << 16).view(np.float32).reshape(entry["shape"])
    raise ValueError(entry["dtype"])


def encode(array, dtype):
    if dtype == "F32":
        return array.astype("<f4").tobytes()
    bits = array.astype("<f4").view("<u4")
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2").tobytes()


def linear(arrays):
    out = arrays[0].astype(np.float32)
    for a in arrays[1:]:
        out = out + a
    return out / len(arrays)


def ties(base, models, density=0.5):
    deltas = []
    for m in models:
        d = (m - base).ravel()
        k = int(density * d.size)
        threshold = np.partition(np.abs(d), d.size - k)[d.size - k]
        deltas.append(np.where(np.abs(d) >= threshold, d, 0))
    deltas = np.stack(deltas)
    sign = np.where(deltas.sum(axis=0) >= 0, 1.0, -1.0)
    agree = np.sign(deltas) == sign
    mixed = (deltas * agree).sum(axis=0)
    divisor = agree.sum(axis=0).astype(np.float32)
    divisor[divisor == 0] = 1
    return (base.ravel() + mixed / divisor).reshape(base.shape)


def main():
    method, out, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    start = time.perf_counter()  # after the interpreter and numpy started, as the engine's own time is
    opened = [open_safetensors(p) for p in inputs]
    header0 = opened[0][0]
    names = list(header0)
    dtype = header0[names[0]]["dtype"]
    size = 2 if dtype == "BF16" else 4
    header = {"__metadata__": {"format": "pt"}}
    offset = 0
    for name in names:
        n = int(np.prod(header0[name]["shape"])) * size
        header[name] = {"dtype": dtype, "shape": header0[name]["shape"], "data_offsets": [offset, offset + n]}
        offset += n
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(out + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in names:
            arrays = [tensor(h, d, name) for h, d in opened]
            merged = linear(arrays) if method == "linear" else ties(arrays[0], arrays[1:])
            f.write(encode(merged, dtype))
    os.replace(out + ".tmp", out)
    seconds = time.perf_counter() - start
    read = sum(os.path.getsize(p) for p in inputs)
    print(f"numpy {method}: {seconds:.2f} s, {read / seconds / 1e9:.3f} GB/s of input", file=sys.stderr)


if __name__ == "__main__":
    main()
