package dev.servicekit.environment;

/** Where Terraform keeps an environment's state. */
public sealed interface StateBackend {

    /**
     * A state file in the project directory, {@code terraform.<env>.tfstate}, written with a relative
     * path so the synthesized JSON is the same on every machine and survives a fresh {@code cdktf.out}.
     */
    record Local() implements StateBackend {}

    /** An encrypted S3 object, locked with an S3 lock file (Terraform 1.10+; no DynamoDB table). */
    record S3(String bucket, String key, String region) implements StateBackend {}
}
