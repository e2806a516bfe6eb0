package dev.hardwire.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.HardenedHttpClient;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the "after" code of docs/migration/java-net-http.md against inventory.example.com on loopback. */
class JavaNetHttpTest {
  private static final String TOKEN = "tok-jdk-guide";
  @TempDir Path directory;
  private GuideServer inventory;

  @BeforeEach
  void start() throws IOException {
    inventory = GuideServer.start("inventory.example.com");
  }

  @AfterEach
  void stop() {
    inventory.close();
  }

  private HttpClient client() throws Exception {
    return JavaNetHttp.After.inventoryClient(JavaNetHttp.After.inventoryPolicy(inventory.caPem(directory), TOKEN));
  }

  @Test
  void afterTrustsThePrivateCaFromItsPemAndAttachesTheToken() throws Exception {
    inventory.server.enqueue(LoopbackServers.ok("{\"socks\": 12}"));

    assertEquals("{\"socks\": 12}", JavaNetHttp.After.stock(client(), inventory.baseUrl()));
    assertEquals("Bearer " + TOKEN, inventory.server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void afterFollowsRedirectsOnTheSameHostWithTheToken() throws Exception {
    inventory.server.enqueue(LoopbackServers.redirect(301, inventory.baseUrl() + "/v2/stock"));
    inventory.server.enqueue(LoopbackServers.ok("{}"));

    assertEquals("{}", JavaNetHttp.After.stock(client(), inventory.baseUrl()));
    inventory.server.takeRequest();
    assertEquals("Bearer " + TOKEN, inventory.server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void afterRefusesCleartextBeforeAnyConnection() throws Exception {
    HttpClient client = client();
    try (CleartextTrap trap = CleartextTrap.start()) {
      assertThrows(CleartextRefusedException.class,
          () -> JavaNetHttp.After.stock(client, "http://inventory.example.com:" + trap.port()));
      assertEquals(0, trap.connections());
    }
  }

  @Test
  void theHardenedBuilderRefusesTheOldSslContext() throws Exception {
    SecurityPolicy policy = JavaNetHttp.After.inventoryPolicy(inventory.caPem(directory), TOKEN);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> HardenedHttpClient.newBuilder(policy).sslContext(SSLContext.getDefault()));
    assertTrue(refused.getMessage().contains("trustAnchors"), refused.getMessage());
  }
}
