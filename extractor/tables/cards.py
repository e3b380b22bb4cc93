"""KPI cards (a title box with RAG fill and a drawn direction-of-travel arrow, over a
'Latest: .. Target: .., Floor: .. Previous: .. (Rag)' line) as indicator records."""


def extract(ctx, out) -> None:
    return None
