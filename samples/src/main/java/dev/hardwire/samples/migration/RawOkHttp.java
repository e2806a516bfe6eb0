package dev.hardwire.samples.migration;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.okhttp.HardenedOkHttp;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;

/** docs/migration/okhttp.md: an OkHttp client with interceptors and a {@code CertificatePinner}. */
public final class RawOkHttp {
  private RawOkHttp() {
  }

  /** What the guide starts from. */
  public static final class Before {
    private Before() {
    }

    // snippet:okhttp-before
    static OkHttpClient apiClient(String token) {
      CertificatePinner pinner = new CertificatePinner.Builder()
          .add("api.example.com", "sha256/r/mIkG3eEpVdm+u/ko/cwxzOMo1bk4TyHIlByibiA5E=")
          .build();
      HttpLoggingInterceptor logging = new HttpLoggingInterceptor();
      logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
      return new OkHttpClient.Builder()
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("Authorization", "Bearer " + token)
              .build()))
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("User-Agent", "shop-app/4.2")
              .build()))
          .addNetworkInterceptor(logging)
          .certificatePinner(pinner)
          .connectTimeout(10, TimeUnit.SECONDS)
          .callTimeout(30, TimeUnit.SECONDS)
          .build();
    }
    // end-snippet
  }

  /** What the guide ends with; {@code RawOkHttpTest} runs it. */
  public static final class After {
    private After() {
    }

    // snippet:okhttp-after-policy
    static SecurityPolicy apiPolicy(String token) {
      return SecurityPolicy.builder()
          .pin("api.example.com",
              "sha256/r/mIkG3eEpVdm+u/ko/cwxzOMo1bk4TyHIlByibiA5E=",   // the CertificatePinner's pin
              "sha256/YLh1dUR9y6Kja30RrAn7JKnbQG/uEtLMkBgFF2Fuihg=")   // a backup key: add one
          .credential(Credential.bearer("api.example.com", token))     // was the first interceptor
          .build();
    }
    // end-snippet

    // snippet:okhttp-after
    static OkHttpClient apiClient(SecurityPolicy policy) {
      HttpLoggingInterceptor logging = new HttpLoggingInterceptor();
      logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
      for (String name : HardenedOkHttp.redactedHeaders(policy)) logging.redactHeader(name);
      OkHttpClient.Builder builder = new OkHttpClient.Builder()
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("User-Agent", "shop-app/4.2")
              .build()))
          .addNetworkInterceptor(logging)
          .connectTimeout(10, TimeUnit.SECONDS)
          .callTimeout(30, TimeUnit.SECONDS);
      return HardenedOkHttp.harden(builder, policy).build();
    }
    // end-snippet

    // snippet:okhttp-after-call
    static String items(OkHttpClient client, String baseUrl) throws IOException {
      Request request = new Request.Builder().url(baseUrl + "/v1/items").build();
      try (Response response = client.newCall(request).execute()) {
        return response.body().string();
      }
    }
    // end-snippet
  }
}
