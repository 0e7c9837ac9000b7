"""The one HTTP helper of the demo scripts (demo-definitions.py, demo-survey-rules.py, demo-branches.py,
demo-staff.py): a call to a Windbell admin API with a bearer token. Python 3 standard library only."""
import json
import urllib.error
import urllib.request

JSON = "application/json"


def call(method, url, token, body=None, headers=None, content_type=JSON, error_chars=300):
    """(status, headers, parsed JSON body) — status 0 when the server could not be reached; on an HTTP error
    the body is the first error_chars characters of the answer. A body of another content_type (e.g. text/csv)
    is sent as the string it is."""
    if body is None:
        data = None
    elif content_type == JSON:
        data = json.dumps(body).encode()
    else:
        data = body.encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Accept", JSON)
    if data is not None:
        request.add_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode(errors="replace")[:error_chars]
    except OSError as e:
        return 0, {}, str(e)
