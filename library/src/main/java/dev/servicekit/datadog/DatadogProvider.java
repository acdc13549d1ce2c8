package dev.servicekit.datadog;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformProviderConfig;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import software.constructs.Construct;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code DataDog/datadog} Terraform provider. Credentials come only from the environment
 * ({@code DD_API_KEY}, {@code DD_APP_KEY}); this binding has no attribute for them, so keys can never
 * enter configuration or state. Only the site ({@code api_url}) is configured.
 */
public final class DatadogProvider extends TerraformProvider {
    /** The provider's registry source. */
    public static final String SOURCE = "DataDog/datadog";
    /** Admits 3.33 (the schema these bindings were checked against) and every later 3.x. */
    public static final String VERSION_CONSTRAINT = "~> 3.33";
    /** The provider name resources refer to. */
    public static final String NAME = "datadog";

    static final TerraformProviderGeneratorMetadata METADATA = TerraformProviderGeneratorMetadata.builder()
            .providerName(NAME)
            .providerVersionConstraint(VERSION_CONSTRAINT)
            .build();

    private final String apiUrl;

    /** @param apiUrl the Datadog site's API, e.g. {@code https://api.datadoghq.com/} */
    public DatadogProvider(Construct scope, String id, String apiUrl) {
        super(scope, id, TerraformProviderConfig.builder()
                .terraformResourceType(NAME)
                .terraformProviderSource(SOURCE)
                .terraformGeneratorMetadata(METADATA)
                .build());
        this.apiUrl = apiUrl;
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("api_url", apiUrl);
        return attributes;
    }
}
