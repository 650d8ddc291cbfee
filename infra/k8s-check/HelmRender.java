// Lints infra/helm/satupintu and renders it once per values file with Helm's own engine (the
// Helm library that com.marcnuri.helm-java bundles for linux-amd64; no helm binary, no cluster).
// Run by infra/check.sh in Java's single-file source mode:
//   java -cp '.cache/lib/*' HelmRender.java <chart> <outDir> <values.yaml>...
// Writes <outDir>/<values file name>.yaml; exits 1 on any lint error or rendering failure.
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;

public class HelmRender {
  public static void main(String[] args) throws Exception {
    Path chart = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Helm helm = new Helm(chart);
    int failures = 0;

    LintResult lint = helm.lint().strict().call();
    for (String m : lint.getMessages()) System.out.println("helm lint: " + m);
    if (lint.isFailed()) { System.out.println("helm lint FAILED"); failures++; }
    else System.out.println("helm lint: ok (strict)");

    for (int i = 2; i < args.length; i++) {
      Path values = Path.of(args[i]).toAbsolutePath();
      String name = values.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      String release = name.startsWith("values-") ? "satupintu-" + name.substring(7) : "satupintu";
      try {
        String rendered = helm.template().withName(release).withNamespace(release).withValuesFile(values).call();
        Files.writeString(out.resolve(name + ".yaml"), rendered);
        // The bundled engine leaves hooks (the migration Job) out of its output: render once more
        // with the Job as a plain object, so that it is validated too.
        String plainJob = helm.template().withName(release).withNamespace(release).withValuesFile(values)
            .set("migrations.hook", false).call();
        Files.writeString(out.resolve(name + ".hooks-as-plain.yaml"), plainJob);
        System.out.println("helm template " + values.getFileName() + ": ok");
      } catch (Exception e) {
        System.out.println("helm template " + values.getFileName() + " FAILED: " + e.getMessage());
        failures++;
      }
    }
    // The chart's own production guards (templates/_helpers.tpl) must refuse these.
    String[][] refused = {
      {"config.SEED", "true"}, {"config.PUBLIC_URL", "http://mpp.example.go.id"},
      {"config.KEYCLOAK_URL", "http://sso.example.go.id"}, {"config.S3_ENDPOINT", "http://minio:9000"},
      {"config.TRUSTED_PROXIES", "0.0.0.0/0"}, {"config.CORS_ORIGINS", "http://evil.example"},
      {"config.SATUPINTU_ENV", "development"}, {"secrets.existingSecret", ""},
      {"config.APP_DB_PASSWORD", "in-the-values-file"},
    };
    for (String[] r : refused) {
      try {
        helm.template().withName("satupintu").set(r[0], r[1]).call();
        System.out.println("helm template --set " + r[0] + "=" + r[1] + " was NOT refused");
        failures++;
      } catch (Exception e) {
        String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        String key = r[0].substring(r[0].lastIndexOf('.') + 1);
        if (!why.contains("satupintu/templates/") || !why.contains(key)) { System.out.println("--set " + r[0] + ": unexpected error " + why); failures++; }
      }
    }
    System.out.println("helm template: " + refused.length + " unsafe settings refused by the chart");
    System.exit(failures == 0 ? 0 : 1);
  }
}
