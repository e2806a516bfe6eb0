package dev.hardwire.okhttp;

import static dev.hardwire.okhttp.Fixtures.PKI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.CleartextRefusedException;
import dev.hardwire.core.Credential;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/** Retrofit takes the hardened client as it is. */
class RetrofitTest {
  interface Api {
    @GET("items")
    Call<ResponseBody> items();
  }

  private final OkHttpClient client = HardenedOkHttp.newClient(PKI.policyBuilder()
      .credential(Credential.bearer("localhost", "retrofit-token"))
      .build());

  private Api api(String baseUrl) {
    return new Retrofit.Builder().baseUrl(baseUrl).client(client).build().create(Api.class);
  }

  @Test
  void callsGoThroughThePolicy() throws Exception {
    try (MockWebServer server = Fixtures.httpsServer()) {
      server.enqueue(LoopbackServers.ok("[]"));

      try (ResponseBody body = api("https://localhost:" + server.getPort() + "/").items().execute().body()) {
        assertEquals("[]", body.string());
      }
      assertEquals("Bearer retrofit-token", server.takeRequest().getHeaders().get("Authorization"));
    }
  }

  @Test
  void aCleartextBaseUrlIsRefusedBeforeAnySocket() throws Exception {
    try (CleartextTrap trap = CleartextTrap.start()) {
      assertThrows(CleartextRefusedException.class, () -> api(trap.url("http", "/")).items().execute());
      assertEquals(0, trap.connections());
    }
  }
}
