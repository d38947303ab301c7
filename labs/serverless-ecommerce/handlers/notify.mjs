// Reads the orders table's stream: every status change is an event. Sends the customer a message (simulated: logged)
// when an order becomes PAID. The stream is the source of truth for "what happened", in order, per order.
export const handler = async (event) => {
  for (const record of event.Records || []) {
    const now = record.dynamodb && record.dynamodb.NewImage;
    const before = record.dynamodb && record.dynamodb.OldImage;
    if (!now || !now.status) continue;
    if (now.status.S === 'PAID' && (!before || before.status.S !== 'PAID')) {
      console.log(`email to ${now.userId.S}: order ${now.orderId.S} is paid`);
    }
  }
};
