package org.iotahome.provider.web;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Signs the test's staff in through the real form login and hands back requests carrying the session. */
public final class StaffLogin {

    /** The staff password of the test profile (application.properties, %test). */
    public static final String PASSWORD = "test-staff-password";

    private StaffLogin() {
    }

    public static String sessionCookie() {
        String cookie = given().redirects().follow(false).formParam("j_username", "staff").formParam("j_password", PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie(StaffPages.SESSION_COOKIE);
        if (cookie == null) throw new AssertionError("the staff login set no session cookie");
        return cookie;
    }

    public static RequestSpecification signedIn() {
        return given().cookie(StaffPages.SESSION_COOKIE, sessionCookie());
    }
}
