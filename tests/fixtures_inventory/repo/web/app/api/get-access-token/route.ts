const HEYGEN_API_KEY = process.env.HEYGEN_API_KEY;

export async function POST() {
  const baseApiUrl = process.env.NEXT_PUBLIC_BASE_API_URL;
  const res = await fetch(`${baseApiUrl}/v1/streaming.create_token`, {
    method: "POST",
    headers: { "x-api-key": HEYGEN_API_KEY! },
  });
  const data = await res.json();
  return new Response(data.data.token, { status: 200 });
}
