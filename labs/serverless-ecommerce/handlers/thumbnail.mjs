// Runs for every image uploaded to shop-product-images: would resize it and write the thumbnail under thumbnails/
// (resizing is simulated here: the emulators run no image tooling). Skips its own output to avoid a loop.
export const handler = async (event) => {
  for (const record of event.Records || []) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    if (key.startsWith('thumbnails/')) continue;
    console.log(`thumbnail of s3://${record.s3.bucket.name}/${key} → thumbnails/${key}`);
  }
};
