package dev.servicekit.terraform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HCL as servicekit writes it inside strings: one interpolation stays bare, templates nest in string literals. */
class HclTest {
    @Test
    void anExpressionWithTemplatesInItsStringLiteralsIsOneInterpolation() {
        String text = "${length(distinct([for p in var.paths : \"w-${replace(trim(p, \"}\"), \"/\", \"-\")}\"])) == 1}";
        assertThat(Hcl.closingBrace(text, 2)).isEqualTo(text.length() - 1);
        assertThat(Hcl.render(text)).as("bare, not quoted").isEqualTo(text.substring(2, text.length() - 1));
        assertThat(Hcl.render(List.of("a ${var.x} b", Map.of("k", "$${literal}"))))
                .isEqualTo("[\"a ${var.x} b\", {\"k\" = \"$${literal}\"}]");
        assertThat(Hcl.closingBrace("${unclosed(", 2)).isEqualTo("${unclosed(".length());
    }
}
