"""The one HTTP helper of the demo scripts (demo-definitions.py, demo-survey-rules.py): a JSON call to a
Windbell admin API with a bearer token. Python 3 standard library only."""
import json
import urllib.error
import urllib.request


def call(method, url, token, body=None, headers=None):
    """(status, headers, parsed JSON body) — status 0 when the server could not be reached; on an HTTP error
    the body is the first 300 characters of the answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode(errors="replace")[:300]
    except OSError as e:
        return 0, {}, str(e)
