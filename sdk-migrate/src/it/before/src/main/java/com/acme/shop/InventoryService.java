package com.acme.shop;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;

/** Stock levels over java.net.http, and the old warehouse API over HttpsURLConnection. */
public final class InventoryService {
  static final String STOCK = "http://inventory.acme-shop.io:80/stock";
  static final String LOCAL_CACHE = "http://localhost:8081/cache";

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();
  private final HttpClient simple = HttpClient.newHttpClient();

  public String stock(String sku) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(STOCK + "/" + sku)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  public HttpClient simple() {
    return simple;
  }

  public InputStream warehouse(URL url) throws IOException {
    HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
    return connection.getInputStream();
  }
}
