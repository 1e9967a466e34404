// Sign-in for the Orleans dashboard (/admin/orleans/). The dashboard's own page and its API calls cannot add a bearer
// header, so the administrator's token travels in a cookie scoped to the dashboard's path; the server accepts it
// there only, checks it like any bearer token and answers 403 to anyone but an administrator.

const DASHBOARD = "/admin/orleans/";

function say(text) {
  document.getElementById("message").textContent = text;
}

function keep(token) {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `egov-admin-token=${encodeURIComponent(token.trim())}; Path=/admin/orleans; SameSite=Strict${secure}`;
  location.assign(DASHBOARD);
}

async function mint() {
  const response = await fetch("/api/v1/dev/tokens", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ subject: "dev-admin", roles: ["admin"] }),
  });
  if (!response.ok) throw new Error(`POST /api/v1/dev/tokens: ${response.status}`);
  return (await response.json()).accessToken;
}

const mode = document.querySelector('meta[name="egov-sign-in"]').content;
const dev = document.getElementById("dev-sign-in");
const pasted = document.getElementById("token-sign-in");
if (mode === "dev") {
  dev.hidden = false;
  dev.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      keep(await mint());
    } catch (error) {
      say(`Không cấp được mã truy cập / Could not mint a token: ${error.message}`);
    }
  });
}
pasted.hidden = false;
pasted.addEventListener("submit", (e) => {
  e.preventDefault();
  keep(document.getElementById("token").value);
});
