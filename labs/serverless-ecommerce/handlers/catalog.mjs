// GET /products: the catalogue from the products table (a Scan is fine for a lab-sized catalogue; a real one pages).
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

const db = new DynamoDBClient({});

export const handler = async () => {
  const out = await db.send(new ScanCommand({ TableName: process.env.PRODUCTS_TABLE || 'shop-products', Limit: 50 }));
  const products = (out.Items || []).map((i) => ({
    id: i.id.S,
    name: i.name && i.name.S,
    price: i.price && Number(i.price.N),
  }));
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ products }) };
};
