package org.iotahome.provider.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iotahome.provider.flow.FreshDataDir;
import org.junit.jupiter.api.Test;

/** Health and metrics need no login and name what they check; the test profile's node (nothing listens there) is reported down. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class HealthEndpointsTest {

    @Test
    void readinessNamesTheNodeAndTheFollowers() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'node' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'node' }.data.url", containsString("http://"))
                .body("checks.find { it.name == 'followers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'followers' }.data.failing", equalTo(0))
                .body("checks.find { it.name == 'followers' }.data.'readings store'", equalTo("storing"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsCountTheFollowers() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("provider_followers "), containsString("provider_follower_failures_total"));
    }
}
