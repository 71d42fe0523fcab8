package org.iotahome.protocol.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.iotahome.protocol.event.Authorized;
import org.iotahome.protocol.event.ConsentExpiry;
import org.iotahome.protocol.event.Policy;
import org.iotahome.protocol.mam.MamMode;
import org.iotahome.protocol.tangle.Address;
import org.iotahome.protocol.trinary.Trytes;

/**
 * A consent receipt (issue 16) in the shape of Kantara Initiative Consent Receipt 1.1
 * ({@code KI-CR-v1.1.0}: jurisdiction, time, method, controller, purpose, data categories, end),
 * extended with {@code iotahome}: the AUTHORIZED event it records and where it sits on the Tangle
 * (bundle hash, address, consent channel root and side key). Signed by My Home with Ed25519 over
 * the RFC 8785 canonical form of {@code receipt}, so it stands on its own: the file is
 * {@code {"receipt": {...}, "signature": {"alg", "canonicalization", "value"}}} and the key is the
 * receipt's own {@code publicKey}, to be compared with My Home's about page.
 *
 * <p>The side key lets the receipt's holder read the device's consent events from this one on
 * until My Home next rotates that key: what {@code ./iotahome receipt verify} needs to say whether
 * the consent was still in force at a given time.
 */
public final class ConsentReceipt {

    public static final String VERSION = "KI-CR-v1.1.0";
    public static final String ALGORITHM = "Ed25519";
    public static final String CANONICALIZATION = "RFC 8785";
    /** A receipt file is small; anything much larger is not one. */
    static final int MAX_CHARS = 64 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Where the recorded event is and what it says, as the receipt states it: what a verifier checks
     * against the Tangle.
     */
    public record Anchor(String bundleHash, String address, String consentRoot, String consentSideKey, long timestamp, Address device,
            Address provider, URI providerUrl, String action, String goal, List<String> conditions) {

        /** When the consent ends by itself, if it does. */
        public Optional<Instant> expires() {
            for (String c : conditions) if (c.startsWith(ConsentExpiry.PREFIX)) return Optional.of(Instant.parse(c.substring(ConsentExpiry.PREFIX.length())));
            return Optional.empty();
        }

        /** Whether {@code event} is the AUTHORIZED this anchor describes. */
        public boolean describes(Authorized event) {
            Policy p = event.policy();
            return event.timestamp() == timestamp && p.device().iotaAddress().equals(device)
                    && p.serviceProvider().iotaAddress().equals(provider) && p.serviceProvider().url().equals(providerUrl)
                    && p.action().equals(action) && p.goal().equals(goal) && p.conditions().equals(conditions);
        }

        /** Never the side key. */
        @Override
        public String toString() {
            return "Anchor[bundle " + bundleHash + " at " + address + "]";
        }
    }

    private final ObjectNode receipt;
    private final String signature;

    private ConsentReceipt(ObjectNode receipt, String signature) {
        this.receipt = receipt;
        this.signature = signature;
    }

    /** The receipt for {@code facts}, signed with {@code key}. */
    public static ConsentReceipt signed(ReceiptFacts facts, ReceiptKey key) {
        ObjectNode receipt = body(facts, key.publicKey());
        return new ConsentReceipt(receipt, Base64.getEncoder().encodeToString(key.sign(canonical(receipt))));
    }

    /** Reads a receipt file; a file that is not one is an {@link IllegalArgumentException} saying why. */
    public static ConsentReceipt parse(String text) {
        if (text.length() > MAX_CHARS) throw new IllegalArgumentException("not a consent receipt: over " + MAX_CHARS + " characters");
        JsonNode file;
        try {
            file = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a consent receipt: not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (file == null || !file.isObject() || !file.path("receipt").isObject() || !file.path("signature").isObject())
            throw new IllegalArgumentException("not a consent receipt: it needs a \"receipt\" object and a \"signature\" object");
        JsonNode sig = file.get("signature");
        if (!ALGORITHM.equals(sig.path("alg").asText()) || !CANONICALIZATION.equals(sig.path("canonicalization").asText()))
            throw new IllegalArgumentException("unknown signature: alg must be " + ALGORITHM + " over " + CANONICALIZATION);
        ObjectNode receipt = (ObjectNode) file.get("receipt");
        if (!VERSION.equals(receipt.path("version").asText()))
            throw new IllegalArgumentException("not a consent receipt of version " + VERSION + ": " + receipt.path("version"));
        return new ConsentReceipt(receipt, sig.path("value").asText());
    }

    /** The receipt file: pretty JSON in UTF-8. */
    public String toJson() {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.set("receipt", receipt);
        ObjectNode sig = file.putObject("signature");
        sig.put("alg", ALGORITHM);
        sig.put("canonicalization", CANONICALIZATION);
        sig.put("value", signature);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The key the receipt says signed it (base64); trust it only if it is My Home's, from its about page. */
    public String publicKey() {
        return receipt.path("publicKey").asText();
    }

    /** Whether the signature is {@link #publicKey()}'s over the receipt as it stands: any change to the receipt breaks it. */
    public boolean signatureValid() {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ReceiptKey.verifies(publicKey(), canonical(receipt), sig);
    }

    public String id() {
        return receipt.path("consentReceiptID").asText();
    }

    /** What the receipt says it records; a receipt without a readable {@code iotahome} part is an {@link IllegalArgumentException}. */
    public Anchor anchor() {
        JsonNode x = receipt.path("iotahome");
        JsonNode tangle = x.path("tangle");
        JsonNode provider = x.path("serviceProvider");
        try {
            List<String> conditions = new ArrayList<>();
            x.path("conditions").forEach(c -> conditions.add(c.asText()));
            return new Anchor(Trytes.requireTrytes("bundle", text(tangle, "bundle"), 81), text(tangle, "address"),
                    Trytes.requireTrytes("consentRoot", text(tangle, "consentRoot"), 81), text(tangle, "consentSideKey"),
                    x.path("timestamp").asLong(-1), new Address(text(x, "device")), new Address(text(provider, "iotaAddress")),
                    URI.create(text(provider, "url")), text(x, "action"), text(x, "goal"), List.copyOf(conditions));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the receipt's iotahome part is unreadable: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(field + " is missing");
        return v.asText();
    }

    /** The Kantara CR 1.1 fields with the iotahome extension. */
    static ObjectNode body(ReceiptFacts f, String publicKey) {
        Authorized a = f.authorized();
        Policy p = a.policy();
        String provider = p.serviceProvider().url().getHost();
        Optional<Instant> ends = ConsentExpiry.of(p);
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("version", VERSION);
        r.put("jurisdiction", f.jurisdiction());
        r.put("consentTimestamp", a.timestamp() / 1000);
        r.put("collectionMethod", f.collectionMethod());
        r.put("consentReceiptID", UUID.nameUUIDFromBytes(("iotahome-receipt:" + f.bundleHash() + ":" + f.consentAt().root())
                .getBytes(StandardCharsets.US_ASCII)).toString());
        r.put("publicKey", publicKey);
        r.put("language", "en");
        r.put("piiPrincipalId", f.principal());
        ObjectNode controller = r.putArray("piiControllers").addObject();
        controller.put("piiController", provider);
        controller.put("onBehalf", false);
        controller.put("contact", p.serviceProvider().url().toString());
        controller.put("piiControllerUrl", p.serviceProvider().url().resolve("/").toString());
        r.put("policyUrl", p.serviceProvider().url().resolve("/").toString());
        ObjectNode service = r.putArray("services").addObject();
        service.put("service", "Smart-meter readings of device " + p.device().iotaAddress().trytes());
        ObjectNode purpose = service.putArray("purposes").addObject();
        purpose.put("purpose", p.goal());
        purpose.putArray("purposeCategory").add(p.goal());
        purpose.put("consentType", "EXPLICIT");
        ArrayNode categories = purpose.putArray("piiCategory");
        categories.add("Electricity imported and exported, per tariff and phase, with power, voltage and current (DSMR P1)");
        categories.add("Gas, water and heat meter readings on the same meter (M-Bus)");
        purpose.put("primaryPurpose", true);
        purpose.put("termination", ends.map(e -> "Ends by itself at " + e + ", or earlier when withdrawn in My Home")
                .orElse("Until withdrawn in My Home"));
        purpose.put("thirdPartyDisclosure", false);
        r.put("sensitive", false);
        r.putArray("spiCat");
        ObjectNode x = r.putObject("iotahome");
        x.put("event", Authorized.TYPE);
        x.put("timestamp", a.timestamp());
        x.put("device", p.device().iotaAddress().trytes());
        ObjectNode sp = x.putObject("serviceProvider");
        sp.put("url", p.serviceProvider().url().toString());
        sp.put("iotaAddress", p.serviceProvider().iotaAddress().trytes());
        x.put("action", p.action());
        x.put("goal", p.goal());
        ArrayNode conditions = x.putArray("conditions");
        p.conditions().forEach(conditions::add);
        ObjectNode tangle = x.putObject("tangle");
        tangle.put("bundle", f.bundleHash());
        tangle.put("address", MamMode.RESTRICTED.address(f.consentAt().root()));
        tangle.put("consentRoot", f.consentAt().root());
        tangle.put("consentSideKey", f.consentAt().sideKey());
        return r;
    }

    /** RFC 8785: the bytes the signature covers, the same however the file was laid out. */
    static byte[] canonical(JsonNode receipt) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(receipt)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("the receipt cannot be put in canonical form: " + e.getMessage(), e);
        }
    }
}
