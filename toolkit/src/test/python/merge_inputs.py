"""Writes the merge benchmark's inputs: N safetensors files of SIZE bytes of F32 (or BF16) tensors,
64 tensors of equal size each, seeded normal values; a benchmark script, not a test.

usage: python3 merge_inputs.py DIR [--files 3] [--mib 1024] [--dtype F32|BF16]
"""
import argparse
import json
import os
import struct

import numpy as np


def write(path, tensors, dtype):
    header = {"__metadata__": {"format": "pt"}}
    offset = 0
    for name, array in tensors:
        n = array.size * (4 if dtype == "F32" else 2)
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + n]}
        offset += n
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for _, array in tensors:
            if dtype == "F32":
                f.write(array.astype("<f4").tobytes())
            else:
                bits = array.astype("<f4").view("<u4")
                f.write(((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2").tobytes())
    os.replace(path + ".tmp", path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--files", type=int, default=3)
    p.add_argument("--mib", type=int, default=1024)
    p.add_argument("--dtype", default="F32")
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    per_tensor = a.mib * 2**20 // (4 if a.dtype == "F32" else 2) // 64
    rows = 1024
    cols = per_tensor // rows
    base = np.random.default_rng(0).standard_normal((rows, cols), dtype=np.float32)
    for i in range(a.files):
        rng = np.random.default_rng(i + 1)
        tensors = []
        for t in range(64):
            # model i: a shared base plus its own small perturbation (task vectors of realistic scale)
            noise = rng.standard_normal((rows, cols), dtype=np.float32)
            tensors.append((f"model.layers.{t}.weight", base + 0.01 * noise))
        write(os.path.join(a.dir, f"m{i}.safetensors"), tensors, a.dtype)
        print("wrote", os.path.join(a.dir, f"m{i}.safetensors"))


if __name__ == "__main__":
    main()
