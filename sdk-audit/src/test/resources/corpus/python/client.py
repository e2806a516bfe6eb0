"""Metrics client.

See http://docs.metrics-hub.io/python for details.
"""
import requests

API = "http://api.metrics-hub.io/v1"
METADATA = "http://169.254.169.254/latest/meta-data/"


def status(host):
    # http://internal-wiki/status explains the codes
    return requests.get(f"http://{host}/status")


def upload(session):
    headers = {"X-Api-Key": session.key}
    return requests.post("http://upload.metrics-hub.io/batch", headers=headers)


def help_text():
    return "For more information visit http://www.metrics-hub.io/help today"
