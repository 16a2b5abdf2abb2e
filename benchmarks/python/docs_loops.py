"""The platform docs' ingest loops for pgvector, Chroma and Weaviate, run as the docs write them, on segments a
benchmark gives: the baseline the vecsync sinks are measured against.

Reads JSON lines (video_id, start, end, embedding) from --segments, groups them by video in file order (the docs'
loop handles one video's `resp.data` at a time), sets the target up as the docs do (not timed), runs the ingest loop
(timed) and prints one JSON line: {"store": ..., "rows": ..., "seconds": ...}. With --handshake it prints "ready"
once the target is set up and starts the loop when a line arrives on stdin, so a caller can time the loop alone.
"""
import argparse
import json
import sys
import time
import uuid
from itertools import groupby


def read_videos(path):
    with open(path) as lines:
        segments = [json.loads(line) for line in lines if line.strip()]
    return [(video_id, list(group)) for video_id, group in groupby(segments, key=lambda s: s["video_id"])]


def wait_for_go(args):
    if args.handshake:
        print("ready", flush=True)
        sys.stdin.readline()


def segment_id(video_id, seg):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{video_id}|{seg['start']}|{seg['end']}")


def pgvector_loop(args, videos):
    import psycopg
    from pgvector.psycopg import register_vector

    conn = psycopg.connect(args.pg_dsn)
    table = args.name
    conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
    register_vector(conn)
    conn.execute(f"""
    CREATE TABLE IF NOT EXISTS {table} (
    segment_id uuid PRIMARY KEY,
    video_id uuid NOT NULL,
    start_ts text NOT NULL,
    end_ts text NOT NULL,
    embedding vector({args.dimension})
    );
    CREATE INDEX IF NOT EXISTS {table}_vec_idx
    ON {table} USING hnsw (embedding vector_cosine_ops);
    """)
    conn.commit()
    wait_for_go(args)
    started = time.perf_counter()
    for video_id, segments in videos:
        with conn.cursor() as cur:
            for seg in segments:
                cur.execute(
                    f"""
                    INSERT INTO {table} (segment_id, video_id, start_ts, end_ts, embedding)
                    VALUES (%s, %s, %s, %s, %s)
                    ON CONFLICT (segment_id) DO UPDATE SET embedding = EXCLUDED.embedding
                    """,
                    (segment_id(video_id, seg), video_id, seg["start"], seg["end"], seg["embedding"]),
                )
        conn.commit()
    seconds = time.perf_counter() - started
    # Left in place: the caller checks the rows, then drops the table.
    return seconds, conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def chroma_loop(args, videos):
    import chromadb

    chroma = chromadb.PersistentClient(path=args.chroma_path)
    coll = chroma.get_or_create_collection(name=args.name, metadata={"hnsw:space": "cosine"})
    wait_for_go(args)
    started = time.perf_counter()
    for video_id, segments in videos:
        coll.upsert(
            ids=[str(segment_id(video_id, seg)) for seg in segments],
            embeddings=[seg["embedding"] for seg in segments],
            metadatas=[{"video_id": str(video_id), "start": seg["start"], "end": seg["end"]} for seg in segments],
        )
    seconds = time.perf_counter() - started
    return seconds, coll.count()


def weaviate_loop(args, videos):
    import weaviate
    from weaviate.classes.config import Configure, DataType, Property

    client_wv = weaviate.connect_to_local(port=args.weaviate_port, grpc_port=args.weaviate_grpc_port)
    try:
        client_wv.collections.delete(args.name)
        client_wv.collections.create(
            name=args.name,
            vectorizer_config=Configure.Vectorizer.none(),
            properties=[
                Property(name="video_id", data_type=DataType.TEXT),
                Property(name="start", data_type=DataType.TEXT),
                Property(name="end", data_type=DataType.TEXT),
            ],
        )
        coll = client_wv.collections.get(args.name)
        wait_for_go(args)
        started = time.perf_counter()
        for video_id, segments in videos:
            with coll.batch.dynamic() as batch:
                for seg in segments:
                    batch.add_object(
                        properties={"video_id": str(video_id), "start": seg["start"], "end": seg["end"]},
                        vector=seg["embedding"],
                    )
        seconds = time.perf_counter() - started
        count = coll.aggregate.over_all(total_count=True).total_count
        client_wv.collections.delete(args.name)
        return seconds, count
    finally:
        client_wv.close()


LOOPS = {"pgvector": pgvector_loop, "chroma": chroma_loop, "weaviate": weaviate_loop}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", choices=sorted(LOOPS), required=True)
    parser.add_argument("--segments", required=True, help="JSON lines: video_id, start, end, embedding")
    parser.add_argument("--name", required=True, help="table or collection, made fresh and dropped after")
    parser.add_argument("--dimension", type=int, default=1024)
    parser.add_argument("--pg-dsn")
    parser.add_argument("--chroma-path")
    parser.add_argument("--weaviate-port", type=int)
    parser.add_argument("--weaviate-grpc-port", type=int)
    parser.add_argument("--handshake", action="store_true", help='print "ready", then wait for a line before the loop')
    args = parser.parse_args()
    videos = read_videos(args.segments)
    seconds, count = LOOPS[args.store](args, videos)
    rows = sum(len(segments) for _, segments in videos)
    if count != rows:
        raise SystemExit(f"{args.store}: the store holds {count} rows, expected {rows}")
    print(json.dumps({"store": args.store, "rows": rows, "seconds": seconds}))


if __name__ == "__main__":
    main()
