package dev.servicekit.terraform;

import dev.servicekit.support.TarReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * servicekit names a config struct's attributes by rule ({@link StructAttributes#terraformName}); the
 * provider's own generated code names them explicitly. This reads every such mapping from the JavaScript
 * bundle inside the provider's jar ({@code tf_name: cdktf.xToTerraform(this._jsiiName)}) and checks the rule
 * gives the same name for each: attribute names stay the provider's, not hand-typed.
 */
class AwsAttributeNamesTest {
    private static final String BUNDLE = "com/hashicorp/cdktf/providers/aws/provider-aws@18.0.3.jsii.tgz";
    private static final Pattern MAPPING = Pattern.compile(
            "^\\s+([a-z0-9_]+): [^\\n]*\\((?:this\\._|struct\\.|struct!\\.)([A-Za-z0-9]+)\\)", Pattern.MULTILINE);

    @Test
    void everyAttributeOfTheAwsProviderIsNamedAsItsGeneratedCodeNamesIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (InputStream bundle = getClass().getClassLoader().getResourceAsStream(BUNDLE)) {
            assertThat(bundle).as(BUNDLE).isNotNull();
            TarReader tar = new TarReader(new GZIPInputStream(bundle, 1 << 16));
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                if (!entry.name().startsWith("package/lib/") || !entry.name().endsWith("/index.js")) {
                    continue;
                }
                Matcher m = MAPPING.matcher(new String(entry.content(), StandardCharsets.UTF_8));
                while (m.find()) {
                    checked++;
                    if (!StructAttributes.terraformName(m.group(2)).equals(m.group(1))) {
                        wrong.add(entry.name() + ": " + m.group(2) + " -> " + m.group(1) + ", not "
                                + StructAttributes.terraformName(m.group(2)));
                    }
                }
            }
        }
        assertThat(checked).as("attributes read from the bundle").isGreaterThan(20_000);
        assertThat(wrong).isEmpty();
    }
}
