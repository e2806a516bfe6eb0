package com.acme.feed

// Streams quotes; protocol described at http://docs.tradefeed.io/ws
class Feed {
    private val live = "ws://stream.tradefeed.io/live"
    private val secure = "wss://stream.tradefeed.io/live"
    private val rest = "https://api.tradefeed.io"
    private val sample = """
        {"url": "http://api.tradefeed.io/v1/quotes"}
    """
}
