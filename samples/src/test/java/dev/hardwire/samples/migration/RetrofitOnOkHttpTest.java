package dev.hardwire.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;

/** Runs the "after" code of docs/migration/retrofit.md against api.example.com on loopback. */
class RetrofitOnOkHttpTest {
  private static final String TOKEN = "tok-retrofit-guide";
  private GuideServer api;
  private GuideServer cdn;

  @BeforeEach
  void start() throws IOException {
    api = GuideServer.start("api.example.com");
    cdn = GuideServer.start("localhost");
  }

  @AfterEach
  void stop() {
    api.close();
    cdn.close();
  }

  private SecurityPolicy policy() {
    return RetrofitOnOkHttp.After.shopPolicy(TOKEN).newBuilder().trustAnchors(api.roots()).build();
  }

  @Test
  void afterCallsTheServiceWithTheScopedToken() throws Exception {
    api.server.enqueue(LoopbackServers.ok("[\"socks\"]"));

    Response<okhttp3.ResponseBody> response =
        RetrofitOnOkHttp.After.shopApi(api.baseUrl() + "/", policy()).items().execute();

    assertEquals("[\"socks\"]", response.body().string());
    assertEquals("Bearer " + TOKEN, api.server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void afterKeepsTheTokenFromARedirectToAnotherHost() throws Exception {
    SecurityPolicy policy = policy().newBuilder().trustAnchors(java.util.List.of(api.roots().get(0), cdn.roots().get(0)))
        .build();
    api.server.enqueue(LoopbackServers.redirect(302, cdn.baseUrl() + "/items.json"));
    cdn.server.enqueue(LoopbackServers.ok("[]"));

    RetrofitOnOkHttp.After.shopApi(api.baseUrl() + "/", policy).items().execute().body().close();

    assertEquals("Bearer " + TOKEN, api.server.takeRequest().getHeaders().get("Authorization"));
    assertNull(cdn.server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aCallersOwnAuthorizationIsReplacedByThePolicys() throws Exception {
    api.server.enqueue(LoopbackServers.ok("[]"));
    RetrofitOnOkHttp.TokenShopApi service = new Retrofit.Builder()
        .baseUrl(api.baseUrl() + "/")
        .client(HardenedOkHttp.newClient(policy()))
        .build()
        .create(RetrofitOnOkHttp.TokenShopApi.class);

    service.items("Bearer stale-token").execute().body().close();

    assertEquals("Bearer " + TOKEN, api.server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void afterRefusesAnHttpBaseUrlBeforeAnyConnection() throws IOException {
    try (CleartextTrap trap = CleartextTrap.start()) {
      RetrofitOnOkHttp.ShopApi api = RetrofitOnOkHttp.After.shopApi(trap.url("http", "/"), policy());
      assertThrows(CleartextRefusedException.class, () -> api.items().execute());
      assertEquals(0, trap.connections());
    }
  }
}
