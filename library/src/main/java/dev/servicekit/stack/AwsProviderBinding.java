package dev.servicekit.stack;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformProviderConfig;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig;
import dev.servicekit.terraform.StructAttributes;
import software.constructs.Construct;

import java.util.Map;

/**
 * The {@code aws} provider of a stack, configured from the official {@link AwsProviderConfig}. servicekit
 * declares it with this binding rather than the official {@code AwsProvider} class, whose construction loads
 * the provider's whole JavaScript bundle (seconds per synth) although servicekit writes its AWS resources
 * itself; a user construct of the official classes still finds its provider here ({@code AwsProviderBindingTest}
 * checks both write the same block).
 */
public final class AwsProviderBinding extends TerraformProvider {
    /** The provider's registry source, fully qualified: OpenTofu resolves a bare {@code aws} elsewhere (opentofu#2402). */
    public static final String SOURCE = "hashicorp/aws";
    /** The provider version the bindings (cdktf-provider-aws 18.0.3) were generated for; stacks pin it. */
    public static final String VERSION = "5.23.1";

    private static final TerraformProviderGeneratorMetadata METADATA = TerraformProviderGeneratorMetadata.builder()
            .providerName("aws")
            .providerVersion(VERSION)
            .providerVersionConstraint(VERSION)
            .build();

    private final Map<String, Object> attributes;

    public AwsProviderBinding(Construct scope, String id, AwsProviderConfig config) {
        super(scope, id, TerraformProviderConfig.builder()
                .terraformResourceType("aws")
                .terraformProviderSource(SOURCE)
                .terraformGeneratorMetadata(METADATA)
                .build());
        attributes = StructAttributes.plain(config);
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        return attributes;
    }
}
