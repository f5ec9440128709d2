"""The manifest's JSON layout (two-space indent, short objects and lists of scalars on one line), so scripts that
rewrite a manifest file keep it readable and its diffs small."""
import json


def _format(value, depth):
    pad = "  " * depth
    compact = json.dumps(value, ensure_ascii=False)
    nested_object = isinstance(value, dict) and any(isinstance(v, dict) and len(json.dumps(v)) > 60 for v in value.values())
    if not isinstance(value, (dict, list)) or (len(compact) + len(pad) <= 118 and not nested_object):
        return compact
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return compact
        return "[\n" + ",\n".join(pad + "  " + _format(v, depth + 1) for v in value) + "\n" + pad + "]"
    return "{\n" + ",\n".join(f"{pad}  {json.dumps(k)}: {_format(v, depth + 1)}" for k, v in value.items()) + "\n" + pad + "}"


def dump(manifest):
    return _format(manifest, 0) + "\n"
