"""Scale-out (docs/scale.md): `pool` (worker processes, results in input order), `cluster` (the same
extraction mapped over partitions on a Dask cluster, written as Parquet), `watch` (feeds polled and
what is new ingested)."""
