package com.acme.shop;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads the product catalog over OkHttp. */
public final class CatalogClient {
  static final String CATALOG = "http://catalog.acme-shop.io/v2/products";
  static final String FEED_NAMESPACE = "http://www.w3.org/2005/Atom";

  private final OkHttpClient client = new OkHttpClient.Builder()
      .connectTimeout(5, TimeUnit.SECONDS)
      .callTimeout(30, TimeUnit.SECONDS)
      .build();
  private final OkHttpClient images = new OkHttpClient();

  public String products() throws IOException {
    Request request = new Request.Builder().url(CATALOG).build();
    try (Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }

  public OkHttpClient images() {
    return images;
  }
}
