/*
 * Copyright 2021 ACME Corp.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 */
package com.acme.weather;

import java.net.URL;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Client for the weather API.
 *
 * @see <a href="http://docs.weather-data.net/v2">API docs</a>
 * @see http://tools.ietf.org/html/rfc7231
 */
public final class WeatherClient {
  private static final String BASE = "http://api.weather-data.net/v2";
  private static final String SCHEMA_NS = "http://www.w3.org/2001/XMLSchema";
  private static final String DOCS = "http://example.com/docs";

  // Old endpoint, kept for reference: http://old-api.weather-data.net
  static DocumentBuilderFactory factory() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    return f;
  }

  String local(int port) {
    return "http://localhost:" + port + "/forecast";
  }

  void send(String apiKey) throws Exception {
    URL url = new URL("http://partner.weather-data.net/push");
    var connection = url.openConnection();
    connection.setRequestProperty("Authorization", "Bearer " + apiKey);
  }

  void fail() {
    throw new IllegalStateException("Could not reach the service, see http://status.weather-data.net for outages");
  }

  static boolean isPlain(String url) {
    return url.startsWith("http://");
  }
}
