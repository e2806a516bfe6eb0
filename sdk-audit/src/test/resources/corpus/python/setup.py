from setuptools import setup

setup(
    name="metrics-client",
    version="1.2.0",
    url="http://github.com/acme/metrics-client",
    license="MIT",
    install_requires=["requests"],
)

DEFAULT_COLLECTOR = "http://collector.metrics-hub.io:4318"
