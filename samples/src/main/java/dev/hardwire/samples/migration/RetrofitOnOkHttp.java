package dev.hardwire.samples.migration;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.okhttp.HardenedOkHttp;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Header;

/** docs/migration/retrofit.md: a Retrofit service on an OkHttp client. */
public final class RetrofitOnOkHttp {
  private RetrofitOnOkHttp() {
  }

  // snippet:retrofit-service
  public interface ShopApi {
    @GET("v1/items")
    Call<ResponseBody> items();
  }
  // end-snippet

  /** A service whose methods take the token as a parameter, as many do before migrating. */
  public interface TokenShopApi {
    // snippet:retrofit-before-header
    @GET("v1/items")
    Call<ResponseBody> items(@Header("Authorization") String authorization);
    // end-snippet
  }

  /** What the guide starts from. */
  public static final class Before {
    private Before() {
    }

    // snippet:retrofit-before
    static ShopApi shopApi(String baseUrl, String token) {
      OkHttpClient client = new OkHttpClient.Builder()
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("Authorization", "Bearer " + token)
              .build()))
          .readTimeout(20, TimeUnit.SECONDS)
          .build();
      return new Retrofit.Builder()
          .baseUrl(baseUrl)
          .client(client)
          .build()
          .create(ShopApi.class);
    }
    // end-snippet
  }

  /** What the guide ends with; {@code RetrofitOnOkHttpTest} runs it. */
  public static final class After {
    private After() {
    }

    // snippet:retrofit-after
    static SecurityPolicy shopPolicy(String token) {
      return SecurityPolicy.builder()
          .credential(Credential.bearer("api.example.com", token))   // was the interceptor
          .build();
    }

    static ShopApi shopApi(String baseUrl, SecurityPolicy policy) {
      OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder()
          .readTimeout(20, TimeUnit.SECONDS), policy)
          .build();
      return new Retrofit.Builder()
          .baseUrl(baseUrl)
          .client(client)
          .build()
          .create(ShopApi.class);
    }
    // end-snippet
  }
}
