package org.iotahome.device.publish;

/** PUBLISH_MODE (ARCHITECTURE.md "Flows"): which readings go on the channel. */
public enum PublishMode {
    /** Keep 1 reading in every SAMPLE_KEEP_ONE_IN; each kept reading is published at once. */
    SAMPLE,
    /** Publish every reading since the last publish, once per interval: nothing dropped. */
    BATCH
}
