package dev.servicekit.environment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an environment deploys, and what AWS allows there: AWS counts its quotas per account and region, so the
 * quotas it raised belong with the two. cdktf.json sets them with {@code region}, {@code account} and
 * {@code quotas}; in Java an environment's builder sets each ({@code .region("eu-west-1")}).
 *
 * @param region         the AWS region; the presets' is {@value Environment#DEFAULT_REGION}
 * @param account        the AWS account the environment deploys to, when declared: environments of one account
 *                       and region are counted together against AWS's quotas; without it (the default) each
 *                       environment is counted alone
 * @param quotaIncreases quotas raised for the account and region, by
 *                       {@link dev.servicekit.rules.AwsLimits.Quota#key()}: the value AWS granted; default none
 */
public record Placement(String region, Optional<String> account, Map<String, Integer> quotaIncreases) {

    public Placement {
        account = account == null ? Optional.empty() : account;
        // A copy that keeps a null key: validation names it rather than a NullPointerException here.
        quotaIncreases = quotaIncreases == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(quotaIncreases));
    }

    /** {@code region} of an undeclared account, without raised quotas. */
    public static Placement in(String region) {
        return new Placement(region, Optional.empty(), Map.of());
    }
}
